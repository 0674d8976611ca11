#include "monsite/cli/app.hpp"

namespace monsite::cli {
int run(int, char**) { return 0; }
}  // namespace monsite::cli
