"""Command-line interface over the domain and service layer (never imports Qt)."""
