package dev.clusterlab.host.data;

import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.Params;
import java.util.Map;

/** Blob parameters for generators built on {@link BlobsGenerator}. */
final class BlobsParams {
    private BlobsParams() {
    }

    static Params of(int n, int d, int centers, double std) {
        return ParamBinder.bind("generator blobs", new BlobsGenerator().params(),
                Map.of("n", n, "d", d, "centers", centers, "cluster_std", std));
    }
}
