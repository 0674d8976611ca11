#include "monsite/ingest/xlsx_reader.hpp"

namespace monsite::ingest {

Workbook read_xlsx(const std::filesystem::path&, const std::string& display_name, const ReadLimits&,
                   const SheetFilter&, util::Diagnostics&) {
    throw util::InternalError("xlsx reader not written yet", {display_name});
}

}  // namespace monsite::ingest
