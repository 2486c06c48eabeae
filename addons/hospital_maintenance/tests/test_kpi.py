from .common import HospitalMaintenanceCase


class TestKpi(HospitalMaintenanceCase):
    def test_rates_and_means_by_team(self):
        on_time = self._take_to_done(self._request(category=self.cat_minor))
        late = self._take_to_done(
            self._request(category=self.cat_minor, reported_at=self._hours_ago(6))
        )
        for request, score in ((on_time, 5), (late, 3)):
            request.requester_id = self.requester
            request.with_user(self.requester).action_confirm_rating(score)
        groups = self.env["maintenance.request"]._read_group(
            [("id", "in", (on_time | late).ids)],
            ["maintenance_team_id"],
            [
                "kpi_response_on_time:avg",
                "kpi_first_time_fix:avg",
                "kpi_satisfaction:avg",
                "response_time:avg",
            ],
        )
        team, response_rate, first_fix, satisfaction, response_time = groups[0]
        self.assertEqual(team, self.team)
        self.assertEqual(response_rate, 50.0)
        self.assertEqual(first_fix, 100.0)
        self.assertEqual(satisfaction, 4.0)
        self.assertAlmostEqual(response_time, 3.0, places=1)

    def test_unmeasured_requests_do_not_dilute_rates(self):
        done = self._take_to_done(self._request(category=self.cat_minor))
        self._request(category=self.cat_minor)
        groups = self.env["maintenance.request"]._read_group(
            [("maintenance_team_id", "=", self.team.id)],
            [],
            ["kpi_response_on_time:avg"],
        )
        self.assertEqual(groups[0][0], 100.0, done.name)

    def test_manager_close_counts_a_reopened_request_as_not_fixed_first_time(self):
        request = self._take_to_done(
            self._request(user=self.requester, category=self.cat_minor)
        )
        request.with_user(self.requester).action_confirm_rating(1)
        request.with_user(self.technician).action_done()
        request.with_user(self.manager).action_close()
        self.assertEqual(request.close_kind, "manager")
        self.assertEqual(request.kpi_first_time_fix, 0.0)
