from typing import Literal

ListXapiStatementsFormat = Literal["canonical", "exact", "ids"]

LIST_XAPI_STATEMENTS_FORMAT_VALUES: set[ListXapiStatementsFormat] = {
    "canonical",
    "exact",
    "ids",
}


def check_list_xapi_statements_format(value: str) -> ListXapiStatementsFormat:
    if value in LIST_XAPI_STATEMENTS_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_XAPI_STATEMENTS_FORMAT_VALUES!r}")
