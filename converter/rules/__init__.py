"""Small named rules. Each module holds one rule: a function taking the State."""
