from .common import GROUP, HospitalLogisticsCase


class TestGroups(HospitalLogisticsCase):
    def test_manager_ladder(self):
        """Leadership manages, a manager is logistics staff, staff can request."""
        self.assertTrue(self.leader.has_group(GROUP + "manager"))
        self.assertTrue(self.leader.has_group(GROUP + "staff"))
        self.assertTrue(self.manager.has_group(GROUP + "staff"))
        self.assertTrue(self.technician.has_group(GROUP + "requester"))
        self.assertFalse(self.technician.has_group(GROUP + "manager"))
        self.assertFalse(self.manager.has_group(GROUP + "leadership"))

    def test_parallel_roles_are_requesters_only(self):
        for user in (self.head_nurse, self.finance, self.archivist):
            self.assertTrue(user.has_group(GROUP + "requester"), user.login)
            self.assertTrue(user.has_group("base.group_user"), user.login)
            self.assertFalse(user.has_group(GROUP + "staff"), user.login)
        self.assertFalse(self.head_nurse.has_group(GROUP + "finance"))
        self.assertFalse(self.finance.has_group(GROUP + "ward_custodian"))

    def test_requester_is_internal_user(self):
        self.assertTrue(self.requester.has_group("base.group_user"))
        self.assertFalse(self.requester.share)

    def test_vendor_has_no_logistics_role(self):
        self.assertTrue(self.vendor.share)
        self.assertFalse(self.vendor.has_group(GROUP + "requester"))

    def test_admin_is_manager(self):
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group(GROUP + "manager"))

    def test_roles_are_shown_per_line_of_responsibility(self):
        """Each privilege offers a single choice on the user form: the ladder
        requester < staff < manager < leadership must live in one privilege and
        the parallel roles in their own."""
        privilege = self.env.ref(GROUP + "manager").privilege_id
        self.assertEqual(
            set(privilege.group_ids.mapped(lambda g: g.get_external_id()[g.id])),
            {GROUP + n for n in ("requester", "staff", "manager", "leadership")},
        )
        for role in ("ward_custodian", "finance", "archivist"):
            self.assertNotEqual(self.env.ref(GROUP + role).privilege_id, privilege)
