from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER

REMINDER_ACTIVITY = "hospital_qualification.mail_act_hospital_licence_expiry"
LICENCE_STATES = [
    ("valid", "Valid"),
    ("expiring", "Expiring"),
    ("expired", "Expired"),
]


class HospitalLicence(models.Model):
    """A licence held by an employee (操作证/驾驶证), of any employee type:
    the hospital's own staff and outsourced workers (``employee_type =
    'contractor'``) hold them alike.

    The licence is the authoritative record (number, issue and expiry dates,
    scan, state); it keeps a mirror certification in core ``hr_skills``
    (``employee_skill_id``: skill of the licence type, ``valid_from`` = issue
    date, ``valid_to`` = expiry date), so that the employee's certifications
    and hr_skills' reports show it.  The checks of the suite read the licence,
    never the mirror.

    ``state`` is stored and refreshed every day by a cron (it depends on the
    date): valid, expiring (within the reminder days of its type or of the
    company) or expired.  A licence is archived, never deleted, except by the
    logistics manager.  Whether people may work is asked through
    ``hr.employee._hospital_check_licensed()`` and
    ``hr.employee._hospital_licence_problems()``.
    """

    _name = "hospital.licence"
    _description = "Staff Licence"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "expiry_date, id"
    _hospital_workflow_fields = ("state",)

    name = fields.Char(string="Licence Number", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Holder",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    employee_type = fields.Selection(related="employee_id.employee_type")
    user_id = fields.Many2one(related="employee_id.user_id", string="User")
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    company_id = fields.Many2one(
        "res.company",
        related="employee_id.company_id",
        store=True,
        index=True,
    )
    licence_type_id = fields.Many2one(
        "hospital.licence.type",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    issuing_authority = fields.Char(tracking=True)
    issue_date = fields.Date(
        string="Issued / Re-examined On",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    expiry_date = fields.Date(
        compute="_compute_expiry_date",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
        tracking=True,
        help="The issue date plus the re-examination cycle of the licence type; "
        "correct it when the licence says otherwise.",
    )
    state = fields.Selection(
        LICENCE_STATES,
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
        help="Refreshed every day: expiring from the reminder days before the "
        "expiry date, expired after it.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "hospital_licence_attachment_rel",
        "licence_id",
        "attachment_id",
        string="Scan of the Licence",
    )
    note = fields.Text()
    active = fields.Boolean(default=True, tracking=True)
    employee_skill_id = fields.Many2one(
        "hr.employee.skill",
        string="Certification",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The hr_skills certification mirroring this licence.",
    )

    @api.depends("issue_date", "licence_type_id.cycle_months")
    def _compute_expiry_date(self):
        for licence in self:
            if licence.issue_date and licence.licence_type_id:
                licence.expiry_date = licence.issue_date + relativedelta(
                    months=licence.licence_type_id.cycle_months
                )
            elif not licence.expiry_date:
                licence.expiry_date = False

    @api.depends(
        "expiry_date",
        "licence_type_id.reminder_days",
        "company_id.hospital_licence_reminder_days",
    )
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for licence in self:
            licence.state = licence._hospital_state_on(today)

    def _hospital_state_on(self, day):
        self.ensure_one()
        if not self.expiry_date or self.expiry_date < day:
            return "expired"
        days = self.licence_type_id._hospital_reminder_days(self.company_id)
        if self.expiry_date <= day + relativedelta(days=days):
            return "expiring"
        return "valid"

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        for licence in self:
            if licence.expiry_date and licence.expiry_date < licence.issue_date:
                raise ValidationError(
                    self.env._(
                        "Licence %(number)s of %(holder)s cannot expire on %(expiry)s, "
                        "before it was issued on %(issue)s.",
                        number=licence.name,
                        holder=licence.employee_id.name,
                        expiry=licence.expiry_date,
                        issue=licence.issue_date,
                    )
                )

    @api.depends("name", "licence_type_id", "employee_id")
    def _compute_display_name(self):
        for licence in self:
            licence.display_name = "{} {} ({})".format(
                licence.licence_type_id.name or "",
                licence.name or "",
                licence.employee_id.name or "",
            )

    # -------------------------------------------------- hr_skills mirror
    def _hospital_skill_values(self):
        self.ensure_one()
        skill = self.licence_type_id.skill_id
        levels = skill.skill_type_id.skill_level_ids
        return {
            "employee_id": self.employee_id.id,
            "skill_type_id": skill.skill_type_id.id,
            "skill_id": skill.id,
            "skill_level_id": (levels.filtered("default_level") or levels)[:1].id,
            "valid_from": self.issue_date,
            "valid_to": self.expiry_date,
        }

    def _hospital_sync_skills(self):
        """Create or update the hr_skills certification of each licence."""
        EmployeeSkill = self.env["hr.employee.skill"].sudo()
        to_create = self.browse()
        for licence in self.sudo():
            if not licence.licence_type_id.skill_id:
                continue
            vals = licence._hospital_skill_values()
            if licence.employee_skill_id:
                licence.employee_skill_id.write(vals)
            else:
                to_create |= licence
        if to_create:
            skills = EmployeeSkill.create(
                [licence._hospital_skill_values() for licence in to_create.sudo()]
            )
            for licence, skill in zip(to_create.sudo(), skills, strict=True):
                licence.employee_skill_id = skill

    @api.model_create_multi
    def create(self, vals_list):
        licences = super().create(vals_list)
        licences._hospital_sync_skills()
        return licences

    def write(self, vals):
        result = super().write(vals)
        if {"employee_id", "licence_type_id", "issue_date", "expiry_date"} & set(vals):
            self._hospital_sync_skills()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_manager(self):
        if not self.env.su and not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._(
                    "Licences are archived, not deleted: only the logistics "
                    "manager deletes one entered by mistake."
                )
            )

    def unlink(self):
        skills = self.sudo().employee_skill_id
        result = super().unlink()
        skills.unlink()
        return result

    # -------------------------------------------------- reminders
    @api.model
    def _cron_hospital_refresh_states(self):
        """Refresh the stored states (they depend on the date) and remind the
        holders of licences that start expiring or expired.  O(1) queries."""
        licences = self.search([("state", "!=", "expired")])
        self.env.add_to_compute(self._fields["state"], licences)
        licences.flush_recordset(["state"])
        self.search([("state", "in", ("expiring", "expired"))])._hospital_remind()
        return True

    def _hospital_reminder_user(self, office=None):
        """Who is reminded: the holder, else the holder's manager, else the
        logistics office (``office``: a logistics manager), else the person
        who entered the licence."""
        self.ensure_one()
        employee = self.employee_id
        return (
            employee.user_id or employee.parent_id.user_id or office or self.create_uid
        )

    def _hospital_remind(self):
        """Schedule one reminder activity per licence not reminded yet, in the
        language of the person reminded, in one batch."""
        activity_type = self.env.ref(REMINDER_ACTIVITY, raise_if_not_found=False)
        if not activity_type or not self:
            return
        Activity = self.env["mail.activity"].sudo()
        reminded = set(
            Activity.search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            ).mapped("res_id")
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        office = (
            self.env.ref(MANAGER)
            .sudo()
            .user_ids.filtered(lambda u: not u.share and not u._is_superuser())[:1]
        )
        vals_list = []
        for licence in self:
            if licence.id in reminded:
                continue
            user = licence._hospital_reminder_user(office)
            env = self.with_context(lang=user.lang or self.env.lang).env
            if licence.state == "expired":
                summary = env._(
                    "Licence expired: %(type)s",
                    type=licence.licence_type_id.with_env(env).name,
                )
            else:
                summary = env._(
                    "Licence expires on %(date)s: %(type)s",
                    date=licence.expiry_date,
                    type=licence.licence_type_id.with_env(env).name,
                )
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": licence.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "summary": summary,
                    "date_deadline": min(
                        licence.expiry_date, fields.Date.context_today(self)
                    )
                    if licence.state == "expired"
                    else licence.expiry_date,
                }
            )
        if vals_list:
            Activity.create(vals_list)
