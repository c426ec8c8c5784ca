"""ECG Desktop: Common Good Balance Sheet accounting. Imports nothing heavy."""

__version__ = "0.1.0"
