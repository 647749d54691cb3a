"""The release audit export: one record of what was checked and what the gate decided."""

from archcheck.item_states import ItemVerdict, item_states
from archcheck.report.command import REPORT_FORMATS, add_report_command, write_report
from archcheck.report.record import SCHEMA, build_report, verdict

__all__ = [
    "REPORT_FORMATS",
    "SCHEMA",
    "ItemVerdict",
    "add_report_command",
    "build_report",
    "item_states",
    "verdict",
    "write_report",
]
