package org.nodepoint.inventory;

import java.util.List;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/** The requests that await approval, oldest first. */
public record ApprovalsPage(Chrome chrome, List<ApprovalRequest> requests, Paging paging) {
}
