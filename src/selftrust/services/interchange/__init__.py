"""Import and export over an open workspace: the use cases the CLI and the UI share.

`importer` reads any source in one transaction, `export` writes everything from one
read, and `reports` holds what both tell the person. The names are gathered here, where
the CLI and the UI import them from.
"""

from selftrust.services.interchange.export import (
    ExportFormat,
    ExportSummary,
    export_file,
    format_for,
    read_snapshot,
)
from selftrust.services.interchange.importer import BEFORE_IMPORT, import_file
from selftrust.services.interchange.reports import (
    READING_STEPS,
    STEPS,
    Cancel,
    ExportFailed,
    ImportCancelled,
    ImportRefused,
    ImportSummary,
    Progress,
)

__all__ = [
    "BEFORE_IMPORT", "READING_STEPS", "STEPS", "Cancel", "ExportFailed", "ExportFormat",
    "ExportSummary", "ImportCancelled", "ImportRefused", "ImportSummary", "Progress",
    "export_file", "format_for", "import_file", "read_snapshot",
]
