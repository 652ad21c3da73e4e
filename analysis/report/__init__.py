"""The brief's content as data: the notebook loads a period, then shows one section per cell."""

from analysis.report.context import Brief, load, validate_period
from analysis.report.display import show
from analysis.report.outline import SECTIONS, data, section

__all__ = ["SECTIONS", "Brief", "data", "load", "section", "show", "validate_period"]
