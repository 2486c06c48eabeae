from odoo import models
from odoo.exceptions import UserError

ESCALATION_ACTIVITY = "hospital_maintenance.mail_act_hospital_escalation"
# States in which the request's technician is working on it.
WORKING_STATES = ("dispatched", "in_progress", "waiting")


class MaintenanceRequest(models.Model):
    """持证上岗 on the service desk: a request of a service whose category
    requires licences is dispatched only to a technician holding them, valid
    today.  Checked whenever a request enters or stays in a working state with
    a (new) technician or a (new) service: dispatch, respond, reassign."""

    _inherit = "maintenance.request"

    def _hospital_licence_problems(self, technicians=None):
        """``{request: [message]}`` for the requests whose technician (or the
        one given per request in ``technicians``) lacks a licence their
        service requires.  Constant number of queries."""
        technicians = technicians or {}
        todo = {}
        for request in self:
            user = technicians.get(request.id, request.user_id)
            types = request.service_category_id.licence_type_ids
            if user and types:
                todo[request] = (user, types)
        if not todo:
            return {}
        users = self.env["res.users"].union(*(user for user, _types in todo.values()))
        all_types = self.env["hospital.licence.type"].union(
            *(types for _user, types in todo.values())
        )
        Employee = self.env["hr.employee"]
        employees = Employee._hospital_employees_of_users(users)
        problems = Employee.browse(
            [employee.id for employee in employees.values()]
        )._hospital_licence_problems(all_types)
        result = {}
        for request, (user, types) in todo.items():
            employee = employees.get(user.id)
            if not employee:
                result[request] = [
                    self.env._(
                        "%(person)s may not do this work: %(licences)s required, "
                        "and %(person)s is not registered as an employee holding "
                        "licences.",
                        person=user.name,
                        licences=", ".join(types.mapped("name")),
                    )
                ]
                continue
            messages = [
                problem["message"]
                for problem in problems.get(employee.id, [])
                if problem["licence_type"] in types
            ]
            if messages:
                result[request] = messages
        return result

    def _hospital_check_technician_licences(self):
        working = self.filtered(lambda r: r.service_state in WORKING_STATES)
        problems = working._hospital_licence_problems()
        if problems:
            raise UserError(
                "\n".join(
                    self.env._(
                        "%(request)s cannot be dispatched to this technician:",
                        request=request.name,
                    )
                    + "\n"
                    + "\n".join(messages)
                    for request, messages in problems.items()
                )
            )

    def write(self, vals):
        result = super().write(vals)
        if {"user_id", "service_category_id", "service_state"} & set(vals):
            self._hospital_check_technician_licences()
        return result

    def _hospital_dispatch_emergencies(self):
        """An emergency is not sent automatically to an unlicensed on-duty
        technician: the team leader is asked to choose someone else."""
        emergencies = self.filtered(
            lambda r: r.urgency == "emergency" and r.service_state == "new"
        )
        technicians = {
            request.id: request.user_id or request.maintenance_team_id.duty_user_id
            for request in emergencies
        }
        problems = emergencies._hospital_licence_problems(technicians)
        blocked = self.browse([request.id for request in problems])
        for request in blocked:
            leader = request.maintenance_team_id.user_id
            message = "\n".join(problems[request])
            request.sudo().message_post(body=message)
            if leader:
                request.sudo().activity_schedule(
                    ESCALATION_ACTIVITY,
                    user_id=leader.id,
                    summary=self.with_context(lang=leader.lang).env._(
                        "Emergency: the on-duty technician is not licensed"
                    ),
                    note=message,
                )
        return super(
            MaintenanceRequest, self - blocked
        )._hospital_dispatch_emergencies()
