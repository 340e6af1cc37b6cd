from typing import Literal

ListCoursesStatus = Literal["draft", "published", "retired"]

LIST_COURSES_STATUS_VALUES: set[ListCoursesStatus] = {
    "draft",
    "published",
    "retired",
}


def check_list_courses_status(value: str) -> ListCoursesStatus:
    if value in LIST_COURSES_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_COURSES_STATUS_VALUES!r}")
