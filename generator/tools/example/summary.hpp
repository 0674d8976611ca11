#pragma once
// The summary the generator prints: what monsite itself will compute from the
// generated data (compute::compute with the catalogue and rules of the
// configuration), beside each school's intended profile and group.

#include <map>
#include <vector>

#include "monsite/config/config.hpp"
#include "monsite/model/dataset.hpp"
#include "records.hpp"

namespace example {

// The records as the loader would read them back from the written files.
monsite::model::Dataset to_dataset(const std::map<int, std::vector<SchoolYear>>& years);

// Prints groups, direction levels, municipal values, problem zones and cluster values.
void print_summary(const std::map<int, std::vector<SchoolYear>>& years, const monsite::config::SiteConfig& config);

}  // namespace example
