from typing import Literal

GetCourseFormat = Literal["html", "json", "markdown", "yaml"]

GET_COURSE_FORMAT_VALUES: set[GetCourseFormat] = {
    "html",
    "json",
    "markdown",
    "yaml",
}


def check_get_course_format(value: str) -> GetCourseFormat:
    if value in GET_COURSE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_COURSE_FORMAT_VALUES!r}")
