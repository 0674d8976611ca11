#pragma once
// The command-line program: parses options, runs a command, prints every
// diagnostic, and returns the documented exit status.

namespace monsite::cli {

int run(int argc, char** argv);

}  // namespace monsite::cli
