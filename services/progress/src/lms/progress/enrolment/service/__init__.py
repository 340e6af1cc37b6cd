"""Use cases of enrolments: enrol, complete lessons, apply graded attempts, read where one stands."""
