"""kg: news articles to a knowledge graph."""
