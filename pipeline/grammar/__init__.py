"""Grammar, apart from the documents' phrases: `dates` (official date forms), `kk` (Kazakh suffixes),
`ru` (Russian inflection)."""
