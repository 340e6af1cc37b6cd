from typing import Literal

LessonInKind = Literal["activity", "au", "reflection", "scenario", "text", "video"]

LESSON_IN_KIND_VALUES: set[LessonInKind] = {
    "activity",
    "au",
    "reflection",
    "scenario",
    "text",
    "video",
}


def check_lesson_in_kind(value: str) -> LessonInKind:
    if value in LESSON_IN_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LESSON_IN_KIND_VALUES!r}")
