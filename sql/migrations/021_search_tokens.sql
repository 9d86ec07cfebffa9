-- search_tokens: the words of a text as the search index keeps them: lower case, accents
-- stripped, common English words dropped, Porter-stemmed (needs the fts extension loaded).
CREATE MACRO search_tokens(txt) AS
    list_transform(
        list_filter(string_split_regex(strip_accents(lower(coalesce(txt, ''))), '[^a-z0-9]+'),
                    w -> length(w) > 1 AND NOT list_contains([
                        'a', 'about', 'after', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at',
                        'be', 'been', 'before', 'between', 'both', 'but', 'by', 'can', 'could', 'did',
                        'do', 'does', 'during', 'each', 'for', 'from', 'had', 'has', 'have', 'he',
                        'her', 'his', 'how', 'if', 'in', 'into', 'is', 'it', 'its', 'more', 'most',
                        'no', 'not', 'of', 'on', 'one', 'or', 'other', 'our', 'out', 'over', 'said',
                        'she', 'so', 'some', 'such', 'than', 'that', 'the', 'their', 'them', 'then',
                        'there', 'these', 'they', 'this', 'those', 'to', 'under', 'up', 'very', 'was',
                        'we', 'were', 'what', 'when', 'where', 'which', 'while', 'who', 'will', 'with',
                        'would', 'you'], w)),
        w -> stem(w, 'porter'));
