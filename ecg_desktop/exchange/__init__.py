"""Exchange formats: spreadsheets, balance JSON, portfolios, the official calculator, and PDFs (pdf/)."""
