from typing import Literal

ExportCoursePackageFormat = Literal["html", "json", "markdown", "yaml"]

EXPORT_COURSE_PACKAGE_FORMAT_VALUES: set[ExportCoursePackageFormat] = {
    "html",
    "json",
    "markdown",
    "yaml",
}


def check_export_course_package_format(value: str) -> ExportCoursePackageFormat:
    if value in EXPORT_COURSE_PACKAGE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPORT_COURSE_PACKAGE_FORMAT_VALUES!r}")
