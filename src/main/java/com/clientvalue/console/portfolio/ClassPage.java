package com.clientvalue.console.portfolio;

import com.clientvalue.client.AbcClass;
import com.clientvalue.portfolio.ParetoAnalysis;

import java.util.List;

/** One page of the ranked clients of a class of the pyramid. */
public record ClassPage(ParetoAnalysis analysis, AbcClass abcClass, List<ParetoAnalysis.RankedClient> items, int page,
                        long total, int pages) {
}
