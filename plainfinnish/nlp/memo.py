"""The marker of a per-token value not computed yet (components.token_memo), in a module of its
own so that rule modules can import it without loading spaCy (`plainfinnish rules` does not)."""

UNSET = object()
