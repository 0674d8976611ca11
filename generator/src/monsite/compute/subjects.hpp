#pragma once
// Subject tables from the anonymous rows of the teachers table: for the municipality and every
// school, teachers per subject, the mean diagnostic score and the share with a deficit.

#include "monsite/model/dataset.hpp"
#include "monsite/model/results.hpp"

namespace monsite::compute {

// Fills out.subjects and out.school_subjects (and has_subjects) from year.teachers.
// Subjects come in byte order; teachers without a subject make one more subject with
// an empty name, last (render names it from the text catalogue).
// A mean (over scored teachers) or share (over diagnosed teachers with a known deficit
// flag) is suppressed at every scope when fewer than min_group persons make it up;
// more cells are then suppressed until no hidden one can be derived from the published
// values beside it (its school's other subjects, or the municipality's subject value).
void summarize_subjects(const model::YearData& year, int min_group, model::YearResults& out);

}  // namespace monsite::compute
