"""Assessment service: quizzes, branching scenarios, reflections, diagnostics, attempts and grading."""
