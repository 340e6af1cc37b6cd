from typing import Literal

ApiKeyInRolesItem = Literal["admin", "author", "hr", "learner", "ops"]

API_KEY_IN_ROLES_ITEM_VALUES: set[ApiKeyInRolesItem] = {
    "admin",
    "author",
    "hr",
    "learner",
    "ops",
}


def check_api_key_in_roles_item(value: str) -> ApiKeyInRolesItem:
    if value in API_KEY_IN_ROLES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEY_IN_ROLES_ITEM_VALUES!r}")
