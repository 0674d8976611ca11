#include "monsite/ingest/csv_reader.hpp"

namespace monsite::ingest {

Workbook read_csv(const std::filesystem::path&, const std::string& display_name, const ReadLimits&,
                   const SheetFilter&, util::Diagnostics&) {
    throw util::InternalError("csv reader not written yet", {display_name});
}

}  // namespace monsite::ingest
