#include "monsite/ingest/ods_reader.hpp"

namespace monsite::ingest {

Workbook read_ods(const std::filesystem::path&, const std::string& display_name, const ReadLimits&,
                   const SheetFilter&, util::Diagnostics&) {
    throw util::InternalError("ods reader not written yet", {display_name});
}

}  // namespace monsite::ingest
