"""The analytics service's code lists with their labels (GET /api/vocabularies)."""
from kam.vocabulary import Vocabulary

VOCABULARIES = (
    Vocabulary("report_formats", ("json", "xlsx"), {"json": ("网页查看", "On screen (JSON)"),
                                                     "xlsx": ("Excel 工作簿", "Excel workbook")}),
)
