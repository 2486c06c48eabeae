from . import hospital_asset_register_xlsx
from . import hospital_asset_count_xlsx
from . import hospital_asset_scrap_xlsx
