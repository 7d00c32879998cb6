// The mapping crosses the renderer → core boundary, so its schema lives in shared/.
export * from '../../../../../shared/domain/dataset-mapping'
