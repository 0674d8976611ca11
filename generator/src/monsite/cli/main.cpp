#include "monsite/cli/app.hpp"

int main(int argc, char** argv) { return monsite::cli::run(argc, argv); }
