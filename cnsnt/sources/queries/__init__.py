"""Query sources: `.sql` files, query logs and statement-statistics exports."""
