from .common import HospitalMaintenanceCase


class TestEscalation(HospitalMaintenanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["hospital.escalation.level"].search([]).action_archive()
        Level = cls.env["hospital.escalation.level"]
        cls.level_leader = Level.create(
            {
                "name": "Team leader",
                "level": 11,
                "offset_hours": -1,
                "recipient": "team_leader",
            }
        )
        cls.level_chief = Level.create(
            {
                "name": "Section chief",
                "level": 12,
                "offset_hours": 0,
                "recipient": "user",
                "user_id": cls.manager.id,
            }
        )
        cls.level_director = Level.create(
            {
                "name": "Deputy director",
                "level": 13,
                "offset_hours": 4,
                "recipient": "user",
                "user_id": cls.leader.id,
            }
        )

    def _escalations(self, request, user):
        return request.activity_ids.filtered(
            lambda a: (
                a.user_id == user
                and a.activity_type_id
                == self.env.ref("hospital_maintenance.mail_act_hospital_escalation")
            )
        )

    def test_nearly_breaching_goes_to_team_leader_only(self):
        request = self._request(reported_at=self._hours_ago(3.5))
        self.env["maintenance.request"]._cron_escalate()
        self.assertEqual(request.escalation_level, 11)
        self.assertEqual(len(self._escalations(request, self.team_leader)), 1)
        self.assertFalse(self._escalations(request, self.manager))
        self.assertFalse(request.is_breached)

    def test_breach_climbs_the_chain_once_per_level(self):
        request = self._request(reported_at=self._hours_ago(9))
        Request = self.env["maintenance.request"]
        Request._cron_escalate()
        Request._cron_escalate()
        self.assertEqual(request.escalation_level, 13)
        self.assertEqual(len(self._escalations(request, self.team_leader)), 1)
        self.assertEqual(len(self._escalations(request, self.manager)), 1)
        self.assertEqual(len(self._escalations(request, self.leader)), 1)

    def test_on_time_request_is_left_alone(self):
        request = self._request(reported_at=self._hours_ago(1))
        self.env["maintenance.request"]._cron_escalate()
        self.assertEqual(request.escalation_level, 0)
        self.assertFalse(
            request.activity_ids.filtered(
                lambda a: a.activity_type_id.name == "Escalated Request"
            )
        )

    def test_report_back_missed_escalates(self):
        request = self._request()
        request.user_id = self.technician
        request.action_dispatch()
        request.dispatched_at = self._hours_ago(3)
        self.assertLess(request.sla_due_at, request.response_deadline)
        self.env["maintenance.request"]._cron_escalate()
        self.assertTrue(request.is_breached)
        self.assertEqual(request.escalation_level, 12)

    def test_recipient_gets_one_digest(self):
        for _i in range(3):
            self._request(reported_at=self._hours_ago(5))
        Message = self.env["mail.message"]
        before = Message.search_count(
            [("partner_ids", "in", self.manager.partner_id.ids)]
        )
        self.env["maintenance.request"]._cron_escalate()
        after = Message.search_count(
            [("partner_ids", "in", self.manager.partner_id.ids)]
        )
        self.assertEqual(after - before, 1)

    def test_query_count_does_not_grow_with_requests(self):
        Request = self.env["maintenance.request"]

        def run(count):
            requests = Request.create(
                [
                    {
                        "name": f"Late {i}",
                        "service_category_id": self.cat_repair.id,
                        "location_id": self.room_ward.id,
                        "reported_at": self._hours_ago(9),
                    }
                    for i in range(count)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            queries = self.env.cr.sql_log_count
            Request._cron_escalate()
            self.env.flush_all()
            spent = self.env.cr.sql_log_count - queries
            requests.write({"service_state": "cancel"})
            self.env.flush_all()
            return spent

        run(2)  # warm the caches of the first run
        small, big = run(3), run(30)
        self.assertEqual(small, big)

    def test_role_rung_reaches_direct_members_only(self):
        self.level_chief.write(
            {
                "recipient": "group",
                "user_id": False,
                "group_id": self.env.ref(
                    "hospital_logistics.hospital_logistics_group_manager"
                ).id,
            }
        )
        request = self._request(reported_at=self._hours_ago(5))
        self.env["maintenance.request"]._cron_escalate()
        self.assertEqual(len(self._escalations(request, self.manager)), 1)
        self.assertFalse(
            self._escalations(request, self.leader),
            "the deputy director is not a section chief, though leadership implies it",
        )

    def _open_escalations(self, request):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", request._name),
                ("res_id", "=", request.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref(
                        "hospital_maintenance.mail_act_hospital_escalation"
                    ).id,
                ),
            ]
        )

    def _escalated(self):
        request = self._request(reported_at=self._hours_ago(9), category=self.cat_minor)
        self.env["maintenance.request"]._cron_escalate()
        self.assertEqual(len(self._open_escalations(request)), 3)
        return request

    def test_response_closes_the_escalations(self):
        request = self._escalated()
        request.user_id = self.technician
        request.with_user(self.technician).action_respond()
        self.assertFalse(self._open_escalations(request))
        self.assertFalse(request.activity_ids)

    def test_completion_closes_the_escalations(self):
        request = self._request(
            reported_at=self._hours_ago(30), category=self.cat_minor
        )
        request.user_id = self.technician
        request.with_user(self.technician).action_respond()
        self.env["maintenance.request"]._cron_escalate()
        self.assertEqual(len(self._open_escalations(request)), 3, "resolution late")
        request.with_user(self.technician).action_done()
        self.assertFalse(self._open_escalations(request))

    def test_cancel_closes_every_reminder(self):
        request = self._escalated()
        request.user_id = self.technician
        request.with_user(self.technician).action_dispatch()
        request.with_user(self.technician).action_cancel()
        self.assertFalse(self._open_escalations(request))
        self.assertFalse(request.activity_ids, "no reminder of cancelled work")
