from archive.ask.retrieve.fuse import reciprocal_rank_fusion


def test_item_ranked_well_in_both_lists_wins():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "a"]], k=60)
    assert [item for item, _ in fused] == ["b", "a", "c"]


def test_scores_are_sums_of_reciprocal_ranks():
    fused = dict(reciprocal_rank_fusion([["x", "y"], ["y"]], k=10))
    assert abs(fused["x"] - 1 / 11) < 1e-12
    assert abs(fused["y"] - (1 / 12 + 1 / 11)) < 1e-12


def test_item_in_one_list_only_is_kept_and_weights_apply():
    fused = reciprocal_rank_fusion([["a"], ["b"]], k=60, weights=[1.0, 2.0])
    assert [item for item, _ in fused] == ["b", "a"]


def test_empty_lists():
    assert reciprocal_rank_fusion([[], []]) == []
