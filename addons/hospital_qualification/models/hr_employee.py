from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import UserError


class HrEmployee(models.Model):
    """Licences of the employee and the suite's API to ask whether people
    may do licensed work.

    Contract (other addons call these; keep them stable):

    ``_hospital_licence_problems(licence_types, on_date=None)``
        For the employees of ``self`` (any ``employee_type``, outsourced
        ``contractor`` staff included) and the ``hospital.licence.type``
        records (or ids) ``licence_types``, returns ``{employee_id: [problem,
        ...]}`` only for the employees lacking a licence valid on ``on_date``
        (default: today) for at least one of the types.  A problem is a dict
        ``{"employee": hr.employee, "licence_type": hospital.licence.type,
        "expiry_date": date or False (no licence at all), "message": str}``
        (the message is translated in the current language).  A licence
        counts when it is active, issued on or before ``on_date`` and expires
        on or after it.  A constant number of queries whatever the number of
        employees and types (one ``_read_group``); it reads as superuser, so
        any caller may ask.

    ``_hospital_check_licensed(licence_types, on_date=None)``
        Raises a ``UserError`` naming each person, licence type and expiry
        date when one of the employees of ``self`` lacks a valid licence;
        returns True otherwise.

    ``_hospital_employees_of_users(users, company=None)``
        ``{user_id: hr.employee}`` of the users' employees in ``company``
        (default: any), one query: the bridge from the ``res.users`` that
        documents assign to the employee that holds the licences.
    """

    _inherit = "hr.employee"

    hospital_licence_ids = fields.One2many(
        "hospital.licence", "employee_id", string="Licences", groups="hr.group_hr_user"
    )
    hospital_licence_count = fields.Integer(
        compute="_compute_hospital_licence_count", groups="hr.group_hr_user"
    )

    def _compute_hospital_licence_count(self):
        counts = dict(
            self.env["hospital.licence"]
            .sudo()
            ._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.hospital_licence_count = counts.get(employee, 0)

    def _hospital_licence_problems(self, licence_types, on_date=None):
        if isinstance(licence_types, models.BaseModel):
            types = licence_types.sudo()
        else:
            types = self.env["hospital.licence.type"].sudo().browse(licence_types)
        employees = self.sudo()
        if not employees or not types:
            return {}
        on_date = fields.Date.to_date(on_date) or fields.Date.context_today(self)
        latest = {
            (employee.id, licence_type.id): expiry
            for employee, licence_type, expiry in self.env["hospital.licence"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("licence_type_id", "in", types.ids),
                    ("issue_date", "<=", on_date),
                ],
                ["employee_id", "licence_type_id"],
                ["expiry_date:max"],
            )
        }
        problems = defaultdict(list)
        for employee in employees:
            for licence_type in types:
                expiry = latest.get((employee.id, licence_type.id))
                if expiry and expiry >= on_date:
                    continue
                if expiry:
                    message = self.env._(
                        "%(person)s may not do this work: the %(licence)s licence "
                        "expired on %(expiry)s.",
                        person=employee.name,
                        licence=licence_type.name,
                        expiry=expiry,
                    )
                else:
                    message = self.env._(
                        "%(person)s may not do this work: no valid %(licence)s "
                        "licence.",
                        person=employee.name,
                        licence=licence_type.name,
                    )
                problems[employee.id].append(
                    {
                        "employee": employee,
                        "licence_type": licence_type,
                        "expiry_date": expiry or False,
                        "message": message,
                    }
                )
        return dict(problems)

    def _hospital_check_licensed(self, licence_types, on_date=None):
        problems = self._hospital_licence_problems(licence_types, on_date=on_date)
        if problems:
            raise UserError(
                "\n".join(
                    problem["message"]
                    for employee_problems in problems.values()
                    for problem in employee_problems
                )
            )
        return True

    def _hospital_employees_of_users(self, users, company=None):
        domain = [("user_id", "in", users.ids)]
        if company:
            domain.append(("company_id", "=", company.id))
        result = {}
        for employee in self.sudo().search(domain):
            result.setdefault(employee.user_id.id, employee)
        return result

    def action_hospital_licences(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_qualification.hospital_licence_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
