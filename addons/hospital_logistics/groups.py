"""The suite's roles, by XML id: the one place addons take them from.

Requester < staff < manager < leadership is one ladder; ward custodian,
finance and archivist are parallel privileges over requester.
"""

_GROUP = "hospital_logistics.hospital_logistics_group_"

REQUESTER = _GROUP + "requester"
WARD_CUSTODIAN = _GROUP + "ward_custodian"
STAFF = _GROUP + "staff"
MANAGER = _GROUP + "manager"
LEADERSHIP = _GROUP + "leadership"
FINANCE = _GROUP + "finance"
ARCHIVIST = _GROUP + "archivist"
