from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import UserError

# States in which the driver is committed to the trip.
COMMITTED_STATES = ("dispatched", "departed")


class HospitalFleetTrip(models.Model):
    """A trip is dispatched only to a driver holding every licence type marked
    "Required to Drive", valid on the day of departure."""

    _inherit = "hospital.fleet.trip"

    def _hospital_driver_licence_problems(self):
        """``{trip: [message]}``; one licence query per departure day."""
        types = (
            self.env["hospital.licence.type"]
            .sudo()
            .search([("hospital_required_to_drive", "=", True)])
        )
        trips = self.filtered(lambda t: t.driver_id and t.state in COMMITTED_STATES)
        if not types or not trips:
            return {}
        Employee = self.env["hr.employee"]
        employees = Employee._hospital_employees_of_users(trips.driver_id)
        by_day = defaultdict(lambda: self.browse())
        for trip in trips:
            by_day[fields.Datetime.context_timestamp(trip, trip.date_start).date()] |= (
                trip
            )
        result = {}
        for day, day_trips in by_day.items():
            holders = Employee.browse(
                [
                    employees[t.driver_id.id].id
                    for t in day_trips
                    if t.driver_id.id in employees
                ]
            )
            problems = holders._hospital_licence_problems(types, on_date=day)
            for trip in day_trips:
                employee = employees.get(trip.driver_id.id)
                if not employee:
                    result[trip] = [
                        self.env._(
                            "%(person)s may not drive: no employee record holding a "
                            "driving licence.",
                            person=trip.driver_id.name,
                        )
                    ]
                elif employee.id in problems:
                    result[trip] = [p["message"] for p in problems[employee.id]]
        return result

    def write(self, vals):
        result = super().write(vals)
        if {"driver_id", "state", "date_start"} & set(vals):
            problems = self._hospital_driver_licence_problems()
            if problems:
                raise UserError(
                    "\n".join(
                        self.env._(
                            "%(trip)s cannot go with this driver:",
                            trip=trip.display_name,
                        )
                        + "\n"
                        + "\n".join(messages)
                        for trip, messages in problems.items()
                    )
                )
        return result
