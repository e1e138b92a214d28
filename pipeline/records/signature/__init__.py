"""The head's ЭЦП (NCA RK electronic signature) on a sealed protocol: checked in Python, stored beside the PDF."""
