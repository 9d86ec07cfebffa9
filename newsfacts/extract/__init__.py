"""Fact extraction: article text to persons, organizations, locations, meetings, figures, projects."""
