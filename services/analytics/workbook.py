"""The periodic development report (定期汇报开发情况总结报告) as an XLSX workbook."""
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

TITLE = "定期汇报开发情况总结报告"
SUMMARY_ROWS = (("新增客户", "customers"), ("联系次数", "contacts"), ("完成拜访", "visits"),
                ("完成回访", "callbacks"), ("按时回访", "callbacks_on_time"), ("接待次数", "receptions"),
                ("成交笔数", "deals"), ("成交金额（元）", "revenue"), ("报销费用（元）", "expenses"),
                ("投入产出比", "return_on_spend"))
FUNNEL_COLUMNS = (("阶段", "label"), ("客户数", "customers"), ("转化率", "conversion"),
                  ("距上一阶段天数（中位数）", "median_days_from_previous"))
DEVELOPER_COLUMNS = (("开发人员", "display_name"), ("新增客户", "customers"), ("联系次数", "contacts"),
                     ("完成拜访", "visits"), ("完成回访", "callbacks"), ("按时回访", "callbacks_on_time"),
                     ("接待次数", "receptions"), ("成交笔数", "deals"), ("成交金额（元）", "revenue"),
                     ("报销费用（元）", "expenses"), ("投入产出比", "return_on_spend"))
GROUP_COLUMNS = (("新增客户", "customers"), ("其中已成交", "won_customers"), ("成交转化率", "conversion_to_won"),
                 ("成交笔数", "deals"), ("成交金额（元）", "revenue"), ("报销费用（元）", "expenses"),
                 ("投入产出比", "return_on_spend"))


def report_filename(report):
    return f"开发情况总结报告_{report['from'] or '开始'}_{report['to'] or '至今'}.xlsx"


def build_workbook(report):
    """The report's figures on five sheets: 概览, 漏斗, 开发人员, 来源渠道, 客户类别."""
    book = Workbook()
    overview = book.active
    overview.title = "概览"
    overview.append([TITLE])
    overview["A1"].font = Font(bold=True, size=14)
    overview.append(["统计期间", f"{report['from'] or '开始'} 至 {report['to'] or '至今'}"])
    overview.append(["生成时间", report["generated_at"].strftime("%Y-%m-%d %H:%M UTC")])
    overview.append([])
    for heading, key in SUMMARY_ROWS:
        overview.append([heading, report["summary"][key]])
    _table(book.create_sheet("漏斗"), FUNNEL_COLUMNS, report["funnel"])
    _table(book.create_sheet("开发人员"), DEVELOPER_COLUMNS, report["developers"])
    _table(book.create_sheet("来源渠道"), (("来源渠道", "label"), *GROUP_COLUMNS), report["sources"])
    _table(book.create_sheet("客户类别"), (("客户类别", "label"), *GROUP_COLUMNS), report["categories"])
    for sheet in book.worksheets:
        sheet.column_dimensions["A"].width = 22
    output = BytesIO()
    book.save(output)
    return output.getvalue()


def _table(sheet, columns, rows):
    sheet.append([heading for heading, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(key) for _, key in columns])
