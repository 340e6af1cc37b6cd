"""The xAPI rules, pure: statement validation, comparison, formats, queries, documents."""
