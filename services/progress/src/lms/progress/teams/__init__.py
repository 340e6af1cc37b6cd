"""Teams as the directory describes them: what managers and HR see of their people, and courses
assigned to a team or to named learners (joiners assigned, leavers' open rows closed)."""
