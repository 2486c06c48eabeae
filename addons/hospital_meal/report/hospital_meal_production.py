from odoo import api, models


class ReportHospitalMealProduction(models.AbstractModel):
    """The kitchen production sheet (配餐单): for each day and meal of the
    printed orders, the portions per diet and ward, and the delivery list of
    each ward by bed.  A fixed number of queries whatever the number of
    orders."""

    _name = "report.hospital_meal.report_meal_production"
    _description = "Kitchen Production Sheet"

    @api.model
    def _get_report_values(self, docids, data=None):
        # The sheet is in the language of the canteen user printing it, also
        # from a link (/report/html) whose context says English.
        lang = self.env.user.lang or self.env.context.get("lang")
        env = self.with_context(lang=lang).env
        orders = (
            env["hospital.meal.order"]
            .browse(docids)
            .filtered(lambda order: order.state != "cancel")
        )
        Line = env["hospital.meal.order.line"]
        totals = Line._read_group(
            [("order_id", "in", orders.ids)],
            ["date:day", "meal", "diet_id", "department_id"],
            ["meal_count:sum"],
        )
        meals = dict(orders._fields["meal"]._description_selection(env))
        sheets = {}
        for day, meal, diet, department, count in totals:
            sheet = sheets.setdefault(
                (day, meal),
                {
                    "date": day,
                    "meal": meals.get(meal, meal),
                    "meal_key": meal,
                    "diets": {},
                    "wards": {},
                    "cells": {},
                    "diet_totals": {},
                    "ward_totals": {},
                    "total": 0,
                    "orders": orders.browse(),
                },
            )
            sheet["diets"][diet] = True
            sheet["wards"][department] = True
            sheet["cells"][(diet, department)] = count
            sheet["diet_totals"][diet] = sheet["diet_totals"].get(diet, 0) + count
            sheet["ward_totals"][department] = (
                sheet["ward_totals"].get(department, 0) + count
            )
            sheet["total"] += count
        for order in orders:
            key = (order.date, order.meal)
            if key in sheets:
                sheets[key]["orders"] |= order
        ordered = []
        for key in sorted(sheets, key=lambda k: (k[0], list(meals).index(k[1]))):
            sheet = sheets[key]
            sheet["diets"] = sorted(sheet["diets"], key=lambda d: (d.sequence, d.name))
            sheet["wards"] = sorted(sheet["wards"], key=lambda w: w.name or "")
            sheet["orders"] = sheet["orders"].sorted(
                lambda order: order.department_id.name or ""
            )
            ordered.append(sheet)
        return {
            "doc_ids": orders.ids,
            "doc_model": "hospital.meal.order",
            "docs": orders,
            "sheets": ordered,
            "lang": lang,
        }
