#pragma once
// Memory between the stages of a build.

namespace monsite::util {

// Gives the heap's free pages back to the system (glibc's malloc_trim; nothing
// elsewhere). Called after a stage that freed much, such as reading, so that
// the next stages do not stand on memory nobody uses: the peak of a national
// build is then the peak of its largest stage, not their sum.
void release_free_memory();

}  // namespace monsite::util
