//! The one table of month names: the Indonesian name kabar writes, and every spelling
//! pages use for the month (abbreviations, English, older Indonesian spellings).

/// Each month's names, January first: the Indonesian name as written, then the other
/// spellings, in lower case.
const MONTHS: [&[&str]; 12] = [
    &["Januari", "jan", "january"],
    &["Februari", "feb", "pebruari", "february"],
    &["Maret", "mar", "march"],
    &["April", "apr"],
    &["Mei", "may"],
    &["Juni", "jun", "june"],
    &["Juli", "jul", "july"],
    &["Agustus", "agu", "agt", "ags", "aug", "august"],
    &["September", "sep", "sept"],
    &["Oktober", "okt", "oct", "october"],
    &["November", "nov", "nopember"],
    &["Desember", "des", "dec", "december"],
];

/// The Indonesian name of a month, `month0` counting from 0 for January.
pub fn name(month0: u32) -> &'static str {
    MONTHS[month0 as usize][0]
}

/// The month (1–12) a word names, in any case and any of its spellings.
pub fn number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.iter().any(|n| n.eq_ignore_ascii_case(&w)))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_names_its_month_and_the_name_is_indonesian() {
        assert_eq!(number("AGUSTUS"), Some(8));
        assert_eq!(number("Nopember"), Some(11));
        assert_eq!(number("may"), Some(5));
        assert_eq!(number("maybe"), None);
        assert_eq!(name(0), "Januari");
        assert_eq!(name(11), "Desember");
    }
}
