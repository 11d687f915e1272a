"""A personal question's general part: what can be answered for anyone, the feeling shown, and
the personal decision kindly handed back to the person's team, never in the same words twice."""
