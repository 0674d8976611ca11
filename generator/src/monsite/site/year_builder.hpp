#pragma once
// Internal to the loader: one year's validation beyond single cells (keys,
// references, parts and wholes) and the YearData it gives. Owns the rows it is given.

#include <map>
#include <memory>
#include <string>

#include "monsite/model/dataset.hpp"
#include "monsite/site/records.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {

class YearBuilder {
public:
    // `slugs`: the page name (util::slug) of every school code seen so far, over
    // all years; shared by the builders of one load and updated by build().
    YearBuilder(int year, std::string display_dir, util::Diagnostics& diags, std::map<std::string, Named>& slugs);
    ~YearBuilder();
    YearBuilder(const YearBuilder&) = delete;
    YearBuilder& operator=(const YearBuilder&) = delete;

    // A file of this year could not be read: missing tables and rows are then
    // consequences of that error and are not reported again.
    void set_incomplete();
    // The rows of one table of one file of the year.
    void add(TableRecords&& table);
    // Validates everything added (errors and warnings to `diags`) and returns the year.
    model::YearData build();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace monsite::site
